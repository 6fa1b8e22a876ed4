/** The EJML engine: a trainer that runs a derivation through the reference interpreter. */
package deltac.codegen.ejml;
