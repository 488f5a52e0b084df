/** The readable JSON form of model files and the packaging of a model artifact on disk. */
package io.zklayer.sdk.pack;
