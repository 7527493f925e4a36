package dev.kpi.input;

/**
 * The fast reader's test hooks (static settings that tests lower or switch off), as they were when this was
 * made; {@link #restore} puts them back. Tests take one before each test and restore it after.
 */
final class ReaderHooks {
    private final int sampleRows = RecordReader.sampleRows;
    private final boolean checkLanes = RecordReader.checkLanes;
    private final long minBytes = ChunkReader.minBytes;
    private final int chunkBytes = ChunkReader.defaultChunkBytes;
    private final int maxEntries = SpendCombiner.maxEntries;
    private final boolean combine = SpendCombiner.enabled;
    private final boolean standIns = FastLane.standIns;

    void restore() {
        RecordReader.sampleRows = sampleRows;
        RecordReader.checkLanes = checkLanes;
        ChunkReader.minBytes = minBytes;
        ChunkReader.defaultChunkBytes = chunkBytes;
        SpendCombiner.maxEntries = maxEntries;
        SpendCombiner.enabled = combine;
        FastLane.standIns = standIns;
    }
}
