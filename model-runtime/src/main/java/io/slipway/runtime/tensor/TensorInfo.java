package io.slipway.runtime.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a model declares about one of its inputs or outputs: a name, a datatype and a shape in
 * which -1 marks a dimension of any size.
 */
public record TensorInfo(String name, DataType datatype, long[] shape) {

    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that && name.equals(that.name) && datatype == that.datatype
                && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, datatype, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return name + " " + datatype + " " + Shapes.format(shape);
    }
}
