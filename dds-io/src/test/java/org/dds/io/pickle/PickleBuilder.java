package org.dds.io.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand, for tests of inputs that Python would never write (or must never be run). */
final class PickleBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBuilder proto(int version) {
        return op(Opcodes.PROTO).raw(version);
    }

    PickleBuilder op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBuilder raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** GLOBAL with the module and name as text lines. */
    PickleBuilder global(String module, String name) {
        return op(Opcodes.GLOBAL).raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** SHORT_BINUNICODE. */
    PickleBuilder str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return op(Opcodes.SHORT_BINUNICODE).raw(b.length).raw(b);
    }

    /** SHORT_BINBYTES. */
    PickleBuilder bytes(byte[] b) {
        return op(Opcodes.SHORT_BINBYTES).raw(b.length).raw(b);
    }

    /** BININT1. */
    PickleBuilder small(int v) {
        return op(Opcodes.BININT1).raw(v);
    }

    /** A numpy.dtype(typestr) with the given byte order, as numpy pickles it (version 3 state). */
    PickleBuilder dtype(String typestr, char order) {
        global("numpy", "dtype").str(typestr).op(Opcodes.NEWFALSE).op(Opcodes.NEWTRUE).op(Opcodes.TUPLE3)
                .op(Opcodes.REDUCE);
        op(Opcodes.MARK).small(3).str(String.valueOf(order)).op(Opcodes.NONE).op(Opcodes.NONE).op(Opcodes.NONE);
        op(Opcodes.BININT).raw(0xff, 0xff, 0xff, 0xff).op(Opcodes.BININT).raw(0xff, 0xff, 0xff, 0xff).small(0);
        return op(Opcodes.TUPLE).op(Opcodes.BUILD);
    }

    /** A numpy.float64 scalar stored with the given byte order. */
    PickleBuilder float64Scalar(double v, char order) {
        byte[] b = ByteBuffer.allocate(8).order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .putDouble(v).array();
        global("numpy.core.multiarray", "scalar").dtype("f8", order).bytes(b).op(Opcodes.TUPLE2);
        return op(Opcodes.REDUCE);
    }

    PickleBuilder stop() {
        return op(Opcodes.STOP);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
