/**
 * Spark ML integration: {@link textnet.ml.TextNetClassifier} (an Estimator) trains textnet's network
 * on a DataFrame's feature vectors, so it can follow a user's own feature stages in a
 * {@code Pipeline}; {@link textnet.ml.TextNetModel} (a Transformer) predicts with it and is saved
 * in textnet's model-folder format. Training and prediction are the job's own code
 * ({@code textnet.train.Trainer}, {@code textnet.nn.Network}): only the DataFrame plumbing lives here.
 */
package textnet.ml;
