/**
 * Typed, immutable parameters for the engine's plug-ins (strategies, allocation algorithms), with
 * errors that name the parameter's full path, its value and the rule.
 */
package io.backgrid.engine.param;
