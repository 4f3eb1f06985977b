/**
 * Closed forms, field-generic so that derivative structures give their exact Greeks:
 * Black-Scholes (with every Greek also written out by hand), digitals, discrete geometric Asians,
 * Reiner-Rubinstein barriers with rebate, Margrabe, Heston by Fourier inversion in the "little trap"
 * form with Gauss-Legendre panels, and Bachelier (European, digital, arithmetic Asian, basket and
 * exchange, exact because an average or weighted sum of normals is normal).
 *
 * <p>Formulas only: this package depends on {@code ad} alone, and {@link dev.adjointgreeks.closedform.CallPut}
 * and {@link dev.adjointgreeks.closedform.BarrierStyle} are its own words for the option terms.
 */
package dev.adjointgreeks.closedform;
