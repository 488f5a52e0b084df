/**
 * Runtime metadata in Substrate's format (frame-metadata V14 and V15): the portable type registry
 * of scale-info, built from the runtime's own description and codecs, and the pallets, extrinsic
 * format, runtime APIs and outer enums that refer to it. Clients such as {@code @polkadot/api} read
 * it through {@code state_getMetadata} or the {@code Metadata} runtime API to learn how to encode
 * calls and decode storage and events.
 */
package io.zklayer.runtime.metadata;
