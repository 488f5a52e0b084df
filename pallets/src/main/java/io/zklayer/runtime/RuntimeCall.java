package io.zklayer.runtime;

/**
 * A decoded call bound to the pallet that handles it.
 *
 * @param pallet the pallet
 * @param handler the pallet's call handler
 * @param call the decoded call (of the handler's call type)
 */
public record RuntimeCall(Pallet pallet, CallHandler<?> handler, Object call) {
    /** Returns the call's declared cost. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public DispatchInfo info() {
        return ((CallHandler) handler).info(call);
    }

    /** Runs the call; failures are thrown as {@link DispatchException}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void dispatch(Origin origin, RuntimeContext ctx) {
        ((CallHandler) handler).dispatch(call, origin, ctx);
    }

    /** Returns whether the call is an inherent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean isInherent() {
        return ((CallHandler) handler).isInherent(call);
    }

    /** Returns the pool pre-check of a signed call: null when acceptable, else the reason. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String preValidate(io.zklayer.primitives.types.AccountId32 signer, RuntimeContext ctx) {
        return ((CallHandler) handler).preValidate(call, signer, ctx);
    }

    /** Returns the extra pool tags the call provides (see {@link CallHandler#poolTags}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public java.util.List<byte[]> poolTags() {
        return ((CallHandler) handler).poolTags(call);
    }

    /** Returns {@code Pallet.call_name} for logs. */
    public String describe() {
        String name = call.getClass().getSimpleName();
        return pallet.name() + "." + name;
    }
}
