package io.evaljobs.local.gateway;

/** An {@link ApiGateway} whose every reply is checked against the contract of the API it answers for. */
final class ContractCheckedGateway {
  private final ApiGateway gateway;

  ContractCheckedGateway(ApiGateway gateway) {
    this.gateway = gateway;
  }

  GatewayReply handle(IncomingRequest request, String requestId) {
    GatewayReply reply = gateway.handle(request, requestId);
    ContractReplies.assertValid(request, reply);
    return reply;
  }
}
