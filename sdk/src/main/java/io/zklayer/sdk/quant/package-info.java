/** Post-training quantization of float MLPs to the integer model format. */
package io.zklayer.sdk.quant;
