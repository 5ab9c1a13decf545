package textnet.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code layers.Dropout(rate)} over the {@code units} outputs of the layer below: no
 * parameters, as many outputs as inputs. In training each value is zeroed with probability
 * {@code rate} and the kept ones scaled by {@code 1 / (1 - rate)} ("inverted" dropout, Srivastava et
 * al. 2014 as Keras implements it), so inference is the identity and needs no rescaling.
 */
public record DropoutSpec(int units, double rate) implements LayerSpec {
    public DropoutSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a dropout layer needs at least one unit: " + units);
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("a dropout rate must be in [0, 1): " + rate);
        }
    }

    @Override
    public int inputs() {
        return units;
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    @Override
    public String type() {
        return "dropout";
    }

    /** Only the rate: a reader applying the network leaves the values as they are (inference). */
    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("rate", rate);
        return attributes;
    }

    @Override
    public List<ParameterBlock> blocks(int offset) {
        return List.of();
    }

    @Override
    public Layer layer(LayerPlace place, StagedParameters staged) {
        if (place.first() || place.output()) {
            throw new IllegalArgumentException("a dropout layer sits between dense layers");
        }
        return new DropoutLayer(place, this);
    }
}
