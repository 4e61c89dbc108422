package org.dds.training; final class Probe { private Probe() {} }
