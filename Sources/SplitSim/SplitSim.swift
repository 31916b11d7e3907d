public enum SplitSimModule {}
