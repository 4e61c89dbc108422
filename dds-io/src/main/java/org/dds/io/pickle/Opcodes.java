package org.dds.io.pickle;

/** The pickle opcodes (Python's {@code pickletools} names), protocols 0-5, and their names for messages. */
final class Opcodes {
    static final int MARK = '(';
    static final int STOP = '.';
    static final int POP = '0';
    static final int POP_MARK = '1';
    static final int DUP = '2';
    static final int FLOAT = 'F';
    static final int INT = 'I';
    static final int BININT = 'J';
    static final int BININT1 = 'K';
    static final int LONG = 'L';
    static final int BININT2 = 'M';
    static final int NONE = 'N';
    static final int REDUCE = 'R';
    static final int BINSTRING = 'T';
    static final int STRING = 'S';
    static final int UNICODE = 'V';
    static final int SHORT_BINSTRING = 'U';
    static final int BINUNICODE = 'X';
    static final int APPEND = 'a';
    static final int BUILD = 'b';
    static final int GLOBAL = 'c';
    static final int DICT = 'd';
    static final int EMPTY_DICT = '}';
    static final int APPENDS = 'e';
    static final int GET = 'g';
    static final int BINGET = 'h';
    static final int LONG_BINGET = 'j';
    static final int LIST = 'l';
    static final int EMPTY_LIST = ']';
    static final int PUT = 'p';
    static final int BINPUT = 'q';
    static final int LONG_BINPUT = 'r';
    static final int SETITEM = 's';
    static final int TUPLE = 't';
    static final int EMPTY_TUPLE = ')';
    static final int SETITEMS = 'u';
    static final int BINFLOAT = 'G';
    static final int PROTO = 0x80;
    static final int NEWOBJ = 0x81;
    static final int TUPLE1 = 0x85;
    static final int TUPLE2 = 0x86;
    static final int TUPLE3 = 0x87;
    static final int NEWTRUE = 0x88;
    static final int NEWFALSE = 0x89;
    static final int LONG1 = 0x8a;
    static final int LONG4 = 0x8b;
    static final int BINBYTES = 'B';
    static final int SHORT_BINBYTES = 'C';
    static final int SHORT_BINUNICODE = 0x8c;
    static final int BINUNICODE8 = 0x8d;
    static final int BINBYTES8 = 0x8e;
    static final int MEMOIZE = 0x94;
    static final int FRAME = 0x95;
    static final int BYTEARRAY8 = 0x96;
    static final int STACK_GLOBAL = 0x93;

    private Opcodes() {
    }

    /**
     * @param op an opcode byte
     * @return its name, with "unsupported" for opcodes this reader does not run, or its hex value if unknown
     */
    static String name(int op) {
        return switch (op) {
            case MARK -> "MARK";
            case STOP -> "STOP";
            case POP -> "POP";
            case POP_MARK -> "POP_MARK";
            case DUP -> "DUP";
            case FLOAT -> "FLOAT";
            case INT -> "INT";
            case BININT -> "BININT";
            case BININT1 -> "BININT1";
            case LONG -> "LONG";
            case BININT2 -> "BININT2";
            case NONE -> "NONE";
            case REDUCE -> "REDUCE";
            case BINSTRING -> "BINSTRING";
            case SHORT_BINSTRING -> "SHORT_BINSTRING";
            case BINUNICODE -> "BINUNICODE";
            case APPEND -> "APPEND";
            case BUILD -> "BUILD";
            case GLOBAL -> "GLOBAL";
            case DICT -> "DICT";
            case EMPTY_DICT -> "EMPTY_DICT";
            case APPENDS -> "APPENDS";
            case GET -> "GET";
            case BINGET -> "BINGET";
            case LONG_BINGET -> "LONG_BINGET";
            case LIST -> "LIST";
            case EMPTY_LIST -> "EMPTY_LIST";
            case PUT -> "PUT";
            case BINPUT -> "BINPUT";
            case LONG_BINPUT -> "LONG_BINPUT";
            case SETITEM -> "SETITEM";
            case TUPLE -> "TUPLE";
            case EMPTY_TUPLE -> "EMPTY_TUPLE";
            case SETITEMS -> "SETITEMS";
            case BINFLOAT -> "BINFLOAT";
            case PROTO -> "PROTO";
            case NEWOBJ -> "NEWOBJ";
            case TUPLE1 -> "TUPLE1";
            case TUPLE2 -> "TUPLE2";
            case TUPLE3 -> "TUPLE3";
            case NEWTRUE -> "NEWTRUE";
            case NEWFALSE -> "NEWFALSE";
            case LONG1 -> "LONG1";
            case LONG4 -> "LONG4";
            case BINBYTES -> "BINBYTES";
            case SHORT_BINBYTES -> "SHORT_BINBYTES";
            case SHORT_BINUNICODE -> "SHORT_BINUNICODE";
            case BINUNICODE8 -> "BINUNICODE8";
            case BINBYTES8 -> "BINBYTES8";
            case MEMOIZE -> "MEMOIZE";
            case FRAME -> "FRAME";
            case BYTEARRAY8 -> "BYTEARRAY8";
            case STACK_GLOBAL -> "STACK_GLOBAL";
            // Known to Python but not run here: object creation and persistence hooks a data file never needs.
            case STRING -> "STRING";
            case UNICODE -> "UNICODE";
            case 'i' -> "INST (unsupported)";
            case 'o' -> "OBJ (unsupported)";
            case 'P' -> "PERSID (unsupported)";
            case 'Q' -> "BINPERSID (unsupported)";
            case 0x82, 0x83, 0x84 -> "EXT (unsupported)";
            case 0x8f -> "EMPTY_SET (unsupported)";
            case 0x90 -> "ADDITEMS (unsupported)";
            case 0x91 -> "FROZENSET (unsupported)";
            case 0x92 -> "NEWOBJ_EX (unsupported)";
            case 0x97 -> "NEXT_BUFFER (unsupported)";
            case 0x98 -> "READONLY_BUFFER (unsupported)";
            default -> String.format("0x%02x", op);
        };
    }
}
