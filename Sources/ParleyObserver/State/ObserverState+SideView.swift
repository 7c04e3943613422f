/// What the side pane shows, and what `g` switches it to.
extension ObserverState {
    /// The side view as drawn: the graph's drawing is kept for debates of at most
    /// ``GraphView/mostDrawnPeers`` peers; larger ones get the matrix in its place.
    public var shownSideView: SideView {
        view.sideView == .graph && !GraphView.isDrawn(peers: shown.peers.count) ? .matrix : view.sideView
    }

    /// The side view after the one shown: graph → matrix → blackboard → graph; for debates too
    /// large for the drawing, matrix → blackboard → matrix.
    var nextSideView: SideView {
        switch shownSideView {
        case .graph: .matrix
        case .matrix: .blackboard
        case .blackboard: GraphView.isDrawn(peers: shown.peers.count) ? .graph : .matrix
        }
    }

    /// The peer whose edges the flow views show alone: the focused peer, if a peer pane is focused.
    var flowFocus: GraphNode? {
        if case .peer(let id) = view.focus, shown.pane(id) != nil { return .peer(id) }
        return nil
    }
}
