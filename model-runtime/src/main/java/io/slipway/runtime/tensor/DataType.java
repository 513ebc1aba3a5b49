package io.slipway.runtime.tensor;

import java.util.Locale;

/**
 * The tensor element types of the Open Inference Protocol, with their sizes in bytes.
 * {@link #BYTES} elements are variable-length byte strings; every other type has a fixed size.
 */
public enum DataType {
    BOOL(1), UINT8(1), UINT16(2), UINT32(4), UINT64(8),
    INT8(1), INT16(2), INT32(4), INT64(8),
    FP16(2), FP32(4), FP64(8),
    BYTES(-1);

    private final int size;

    DataType(int size) {
        this.size = size;
    }

    /** Bytes per element; -1 for {@link #BYTES}. */
    public int size() {
        return size;
    }

    public boolean isFixedSize() {
        return size > 0;
    }

    public boolean isFloatingPoint() {
        return this == FP16 || this == FP32 || this == FP64;
    }

    /**
     * Parses a protocol name such as {@code "FP32"}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one
     */
    public static DataType parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown datatype \"" + name
                    + "\"; expected one of BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, "
                    + "FP16, FP32, FP64, BYTES");
        }
    }
}
