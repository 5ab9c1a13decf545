/**
 * Update rules with Keras 3 semantics (RMSprop, Adam, SGD with momentum), their state kept in one
 * flat array the driver can average across partitions; see {@link textnet.optim.Optimizer} for the
 * lifecycle.
 */
package textnet.optim;
