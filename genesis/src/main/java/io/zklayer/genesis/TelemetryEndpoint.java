package io.zklayer.genesis;

import java.util.Objects;

/**
 * One entry of the chain spec's {@code telemetryEndpoints}: Substrate writes it as a two-element
 * array {@code ["wss://telemetry.polkadot.io/submit/", 0]}. The node reads it but sends no
 * telemetry; it is kept so that specs of other chains read and write back unchanged.
 *
 * @param url the endpoint address
 * @param verbosity the verbosity level, 0…255
 */
public record TelemetryEndpoint(String url, int verbosity) {
    /** Checks the fields. */
    public TelemetryEndpoint {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("telemetry url is empty");
        }
        if (verbosity < 0 || verbosity > 255) {
            throw new IllegalArgumentException("telemetry verbosity " + verbosity + " is outside 0…255");
        }
    }
}
