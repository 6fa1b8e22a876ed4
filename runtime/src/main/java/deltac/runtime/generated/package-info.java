/**
 * What generated trainers stand on: the base classes that hold the contract's bookkeeping (argument checks,
 * the other precision's conversions, the parameter lists), the {@link deltac.runtime.generated.Generated}
 * mark, and the lookup that defines generated classes as hidden classes of this package.
 */
package deltac.runtime.generated;
