// file_pieces.h (internal): a large CMTrace log cut into pieces that read
// alone exactly as they read in one pass (piece_reader.h, AnalysisOptions::runPieces).
//
// A cut is made at a line start that opens a record ("<![LOG[") right after a
// line holding a terminator ("]LOG]!><time=\""). The reader ends the record of
// that terminator at the end of its line (attribute lists never cross a line
// end), and whatever follows on that line is a stray line of its own; so in
// one pass a record boundary falls exactly there, and a reader that starts
// there, or stops there at the end of its input, cuts the same records.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/piece_reader.h"
#include "ccmlog/timeline.h"
#include "classify/flat_events.h"

namespace ccmlog {

/// One record as the timeline needs it. Of a stretch of records without
/// events only the last of each thread's turn is kept (all the builder takes
/// from such a record is the end of the run its thread belongs to, which the
/// thread's next record moves again).
struct PieceEntry {
  Location where;                 ///< line relative to the piece (its first line is 1)
  std::uint32_t events = 0;       ///< its events, the next ones in PieceData::events
  std::size_t messageLength = 0;  ///< its message, the next bytes of PieceData::messages
};

/// What a piece keeps. Its events are flat (classify/flat_events.h), so that
/// keeping one allocates nothing, and the thread that lays the piece into the
/// timeline frees nothing.
struct PieceData {
  std::vector<PieceEntry> entries;
  std::string messages;                   ///< of the records with events, one after another
  std::vector<detail::FlatEvent> events;  ///< their events, in order; records relative to the piece
  detail::FlatEvents fields;              ///< the events' fields
  ReaderStats stats;
  LineNumber nextLine{1};                 ///< the line after the piece, relative
  std::optional<std::string> error;       ///< the piece could not be read
  std::shared_ptr<PiecePool::Impl> pool;  ///< where its memory goes back to, if anywhere

  void clear();  ///< as new, keeping the memory
};

/// How the library reaches a PieceResult's data (PieceResult is opaque to its users).
struct PieceAccess {
  static PieceData& data(PieceResult& piece) { return *piece.data_; }
  static PieceResult make(std::unique_ptr<PieceData> data) { return PieceResult(std::move(data)); }
};

/// The buffers of pieces that have been laid into the timeline, for the next
/// pieces to fill. At most kSpares wait (the pieces in flight hold the same
/// memory a moment before). A buffer waiting here points to no pool, so a
/// pool and its spares free each other.
struct PiecePool::Impl : std::enable_shared_from_this<PiecePool::Impl> {
  /// A spare buffer, or a new one, that goes back to this pool.
  std::unique_ptr<PieceData> take();
  /// Keeps `piece`, cleared, for a later take(), or frees it when enough wait.
  void give(std::unique_ptr<PieceData> piece);

 private:
  static constexpr size_t kSpares = 4;
  std::mutex mutex_;
  std::vector<std::unique_ptr<PieceData>> spares_;
};

namespace detail {

/// Where in `window` a piece may start: the offset of the first "<![LOG["
/// at a line start whose previous line lies in `window` and holds a
/// terminator; npos when there is none.
size_t pieceCut(std::string_view window);

}  // namespace detail
}  // namespace ccmlog
