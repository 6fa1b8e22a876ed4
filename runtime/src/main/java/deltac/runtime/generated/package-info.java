/**
 * What generated trainers stand on: the base classes that hold the contract's bookkeeping (argument checks,
 * the other precision's conversions, the parameter lists), the {@link deltac.runtime.generated.Generated}
 * mark, and what defines generated classes: a hidden class of this package, or a trainer and its companion classes
 * in a class loader of their own.
 */
package deltac.runtime.generated;
