package org.dds.experiments; final class Probe { private Probe() {} }
