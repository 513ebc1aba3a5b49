package io.slipway.runtime.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named tensor. Fixed-size elements are held as little-endian bytes (the layout of the
 * protocol's binary extension); {@link DataType#BYTES} elements as one byte array each.
 */
public final class Tensor {

    private final String name;
    private final DataType datatype;
    private final long[] shape;
    private final byte[] raw;
    private final byte[][] elements;

    private Tensor(String name, DataType datatype, long[] shape, byte[] raw, byte[][] elements) {
        this.name = Objects.requireNonNull(name, "name");
        this.datatype = Objects.requireNonNull(datatype, "datatype");
        this.shape = shape.clone();
        this.raw = raw;
        this.elements = elements;
        long count = Shapes.elementCount(shape);
        long held = datatype.isFixedSize() ? raw.length / datatype.size() : elements.length;
        if (held != count) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Shapes.format(shape)
                    + " needs " + count + " elements, got " + held);
        }
    }

    /** A tensor of a fixed-size type over little-endian bytes. */
    public static Tensor ofRaw(String name, DataType datatype, long[] shape, byte[] littleEndian) {
        if (!datatype.isFixedSize()) {
            throw new IllegalArgumentException("tensor '" + name + "': BYTES tensors hold elements, not raw bytes");
        }
        return new Tensor(name, datatype, shape, littleEndian, null);
    }

    /** A {@link DataType#BYTES} tensor. */
    public static Tensor ofBytes(String name, long[] shape, byte[][] elements) {
        return new Tensor(name, DataType.BYTES, shape, null, elements);
    }

    /** A tensor of zeros (or empty strings), for warm-up inferences. */
    public static Tensor zeros(String name, DataType datatype, long[] shape) {
        int count = Math.toIntExact(Shapes.elementCount(shape));
        if (datatype.isFixedSize()) {
            return ofRaw(name, datatype, shape, new byte[count * datatype.size()]);
        }
        byte[][] empty = new byte[count][];
        java.util.Arrays.fill(empty, new byte[0]);
        return ofBytes(name, shape, empty);
    }

    public String name() {
        return name;
    }

    public DataType datatype() {
        return datatype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        return Shapes.elementCount(shape);
    }

    /** The rows along the first dimension; a scalar counts as one row. */
    public long rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** The little-endian bytes of a fixed-size tensor, read-only. */
    public ByteBuffer buffer() {
        requireFixed();
        return ByteBuffer.wrap(raw).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The raw bytes of a fixed-size tensor; the caller must not change them. */
    public byte[] rawBytes() {
        requireFixed();
        return raw;
    }

    /** The elements of a BYTES tensor; the caller must not change them. */
    public byte[][] byteElements() {
        if (datatype != DataType.BYTES) {
            throw new IllegalStateException("tensor '" + name + "' is " + datatype + ", not BYTES");
        }
        return elements;
    }

    public Tensor withName(String newName) {
        return new Tensor(newName, datatype, shape, raw, elements);
    }

    /** Rows {@code [from, to)} of this tensor. */
    public Tensor rows(long from, long to) {
        if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
            throw new IllegalArgumentException("tensor '" + name + "': rows " + from + ".." + to
                    + " out of shape " + Shapes.format(shape));
        }
        long[] part = shape.clone();
        part[0] = to - from;
        long perRow = shape[0] == 0 ? 0 : elementCount() / shape[0];
        int start = Math.toIntExact(from * perRow);
        int end = Math.toIntExact(to * perRow);
        if (datatype.isFixedSize()) {
            byte[] slice = java.util.Arrays.copyOfRange(raw, start * datatype.size(), end * datatype.size());
            return new Tensor(name, datatype, part, slice, null);
        }
        return new Tensor(name, datatype, part, null, java.util.Arrays.copyOfRange(elements, start, end));
    }

    /** Stacks tensors of one type and trailing shape along their first dimension. */
    public static Tensor concat(List<Tensor> parts) {
        Tensor first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        long[] shape = first.shape.clone();
        long rows = 0;
        for (Tensor part : parts) {
            if (part.datatype != first.datatype || !sameTrailingShape(first.shape, part.shape)) {
                throw new IllegalArgumentException("tensor '" + first.name + "': cannot stack "
                        + Shapes.format(part.shape) + " " + part.datatype + " onto "
                        + Shapes.format(first.shape) + " " + first.datatype);
            }
            rows += part.shape[0];
        }
        shape[0] = rows;
        if (first.datatype.isFixedSize()) {
            int total = 0;
            for (Tensor part : parts) {
                total += part.raw.length;
            }
            byte[] joined = new byte[total];
            int offset = 0;
            for (Tensor part : parts) {
                System.arraycopy(part.raw, 0, joined, offset, part.raw.length);
                offset += part.raw.length;
            }
            return new Tensor(first.name, first.datatype, shape, joined, null);
        }
        List<byte[]> joined = new ArrayList<>();
        for (Tensor part : parts) {
            joined.addAll(List.of(part.elements));
        }
        return new Tensor(first.name, first.datatype, shape, null, joined.toArray(new byte[0][]));
    }

    /** Whether two shapes agree in every dimension but the first. */
    public static boolean sameTrailingShape(long[] a, long[] b) {
        if (a.length != b.length || a.length == 0) {
            return false;
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private void requireFixed() {
        if (!datatype.isFixedSize()) {
            throw new IllegalStateException("tensor '" + name + "' is BYTES, which has no raw layout");
        }
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + datatype + " " + Shapes.format(shape) + "]";
    }
}
