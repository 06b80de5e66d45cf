import NIOCore

/// One client's end of the live stream on the event loop: tells the hub it came and went,
/// and passes on the lines it sends (its filter request).
final class LiveClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let hub: NIOLoopBound<LiveHub>

    init(hub: NIOLoopBound<LiveHub>) {
        self.hub = hub
    }

    func channelActive(context: ChannelHandlerContext) {
        hub.value.add(context.channel)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        hub.value.remove(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        hub.value.request(unwrapInboundIn(data), from: context.channel)
    }

    /// A request too long, or a connection reset: the client is gone.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
