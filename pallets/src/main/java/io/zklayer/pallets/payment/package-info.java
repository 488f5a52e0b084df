/** Transaction payment: fee computation and withdrawal (fees are burned). */
package io.zklayer.pallets.payment;
