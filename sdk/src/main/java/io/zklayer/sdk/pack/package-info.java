/**
 * Model artifacts on disk: the readable JSON form of model files ({@link io.zklayer.sdk.pack.ModelJson}),
 * the artifact directory with its manifest ({@link io.zklayer.sdk.pack.ModelPackager} writes it,
 * {@link io.zklayer.sdk.pack.ModelArtifact} loads and checks it), and proving with an artifact
 * ({@link io.zklayer.sdk.pack.ModelProver}).
 */
package io.zklayer.sdk.pack;
