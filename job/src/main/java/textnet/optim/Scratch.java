package textnet.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One reusable temporary shaped like the parameters, plus views of a flat state array. Writing the
 * update rules with in-place ops into this one array instead of expression temporaries made an
 * RMSprop step on 160k parameters 6x faster (ND4J allocation dominates at this size).
 */
final class Scratch {
    private INDArray array;

    /** A temporary with the shape and type of {@code like}; its contents are garbage. */
    INDArray like(INDArray like) {
        if (array == null || array.dataType() != like.dataType() || !array.equalShapes(like)) {
            array = Nd4j.createUninitialized(like.dataType(), like.shape(), 'c');
        }
        return array;
    }

    /** Part {@code part} of a state holding consecutive blocks shaped like {@code params}. */
    static INDArray statePart(INDArray state, int part, INDArray params) {
        long length = params.length();
        if (state == null || state.length() < (part + 1) * length) {
            throw new IllegalArgumentException("optimizer state too short for " + length + " parameters");
        }
        return state.reshape(state.length())
                .get(NDArrayIndex.interval(part * length, (part + 1) * length))
                .reshape(params.shape());
    }
}
