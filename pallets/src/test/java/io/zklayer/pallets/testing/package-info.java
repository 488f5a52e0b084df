/** Test fixtures shared by the pallets' test classes: the digits model, its data and one seeded circuit setup. */
package io.zklayer.pallets.testing;
