/// Routing algorithms and seedable random numbers: the simulator's hot path.
public enum SplitRouterModule {}
