package io.zklayer.sdk;

import io.zklayer.sdk.data.Dataset;
import io.zklayer.sdk.pack.ModelPackager;
import io.zklayer.sdk.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The recipe of the shipped digits model ({@code models/digits.zkm}): the UCI handwritten digits
 * (8×8 pixels in 0..16, 10 classes, resource {@code data/digits.csv.gz}), 20% held out with split
 * seed 2024, an MLP 64 → 32 → 10 trained 40 epochs with Adam (batch 32, step 0.003, seed 1), then
 * quantized. Run {@code main} with an output directory to regenerate the packaged files.
 */
public final class DigitsModel {
    /** Training hyper-parameters of the shipped model. */
    public static final TrainingConfig CONFIG = new TrainingConfig(32, 40, 32, 0.003, 1);
    /** Seed of the train/test split. */
    public static final long SPLIT_SEED = 2024;
    /** Fraction of samples held out. */
    public static final double TEST_FRACTION = 0.2;

    private DigitsModel() {
    }

    /** Returns the digits data set from the sdk's resources. */
    public static Dataset dataset() {
        try (InputStream in = DigitsModel.class.getResourceAsStream("/data/digits.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("resource /data/digits.csv.gz is missing from the sdk jar");
            }
            return Dataset.readCsv(in, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains, quantizes and evaluates the digits model from scratch. */
    public static ModelKit.Result build() {
        return ModelKit.build(dataset(), CONFIG, SPLIT_SEED, TEST_FRACTION, List.of(8, 8), 0, 16);
    }

    /** Regenerates the packaged model into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DigitsModel <output-directory>");
            System.exit(2);
        }
        ModelKit.Result r = build();
        ModelPackager.write(r.model(), Path.of(args[0]), "digits");
        System.out.println(r.evaluation());
    }
}
