/**
 * A small multilayer-perceptron library on the same engine: dense layers with identity, tanh,
 * sigmoid, softplus or ReLU; Xavier or He initialisation from a seed; squared-error loss with optional
 * L2 decay; steepest descent, SGD with momentum, Adam; learning-rate decay, early stopping,
 * normalisation stored in the model; exact JSON save and load.
 *
 * <p>The forward pass is written once for any field: recorded on the tape it gives the parameter
 * gradient for training and the input gradient for surrogate Greeks from the same sweep.
 * {@link dev.adjointgreeks.nn.Backprop} is the textbook recursion written by hand beside it (also
 * field-generic, so it can itself be differentiated): backpropagation is reverse mode, and the tests
 * show the two equal. {@link dev.adjointgreeks.nn.LaneTape} records the same forward pass on the block
 * scalar with a minibatch's samples as lanes and the parameters as uniform inputs: one node per neuron
 * per chunk of samples instead of per sample, so the recording cost that made the per-path tape 2.7
 * times the hand-written recursion is paid once per chunk, and the lane loops vectorise; {@code nn
 * train} and {@code surrogate train} use it. {@link dev.adjointgreeks.nn.TwinNetwork} and
 * {@link dev.adjointgreeks.nn.DifferentialLoss} train a network on values and derivatives
 * (differential machine learning). Model files are loaded strictly: format and version exactly,
 * finite parameters, unique input names.
 */
package dev.adjointgreeks.nn;
