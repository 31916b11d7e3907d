public enum SplitReportModule {}
