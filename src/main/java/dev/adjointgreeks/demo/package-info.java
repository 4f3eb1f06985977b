/**
 * The seed article's examples ("backpropagation is automatic differentiation"): {@code f = sqrt(3 sin x)},
 * {@code many_sines}, a linear regression by steepest descent, and numerical differentiation against
 * AD. Each is written once for any field, so the same code runs forward (dual numbers) and in reverse
 * (the tape); {@code greeks demo} prints them.
 */
package dev.adjointgreeks.demo;
