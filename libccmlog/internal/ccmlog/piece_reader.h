// ccmlog/piece_reader.h (internal): a large CMTrace log read in pieces by a tool that
// runs the pieces itself and wants each record too (a viewer indexing a file
// while it analyzes it). analyzeFiles with AnalysisOptions::runPieces is this
// plus running; use it when the report is all you need.
//
//   auto plan = ccmlog::planPieces(path, {}, 4 << 20);         // nullopt: read in one pass
//   ccmlog::PiecePool pool;                                    // optional: pieces reuse memory
//   // any thread, any order, several at once:
//   ccmlog::PieceResult piece = ccmlog::readPiece(path, *plan, i, file,
//       [&](const ccmlog::Record& r) { index(r); },  // r.line counts from the piece's first line
//       knowledge, &pool);
//   // one thread, i = 0, 1, 2, …:
//   analyzer.add(piece, firstLine);
//   firstLine = ccmlog::LineNumber{value(firstLine) + value(piece.nextLine()) - 1};
//
// A cut is made only where one pass has a record boundary too (see
// ARCHITECTURE.md), so the pieces' records, one after another, are the
// records of one pass, and the Analyzer fed the pieces in order gives the
// report of one pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/basics.h"
#include "ccmlog/record_reader.h"

namespace ccmlog {

/// A plan to read a file in pieces.
struct PiecePlan {
  std::vector<std::uint64_t> starts;      ///< offsets, the first 0; a piece ends where the next starts
  ReaderOptions first;                    ///< for the piece at 0
  ReaderOptions rest;                     ///< for the others (format and encoding forced)
  Encoding encoding = Encoding::Unknown;  ///< the file's, as one pass detects it (UTF-8, with or without BOM)
};

/// The memory of pieces, recycled: a PieceResult read with a pool gives its
/// buffers back to it when destroyed, and the next piece read with the pool
/// fills them again rather than growing new ones (a piece's buffers grow to
/// megabytes; growing them afresh for every piece costs page faults and
/// copies). A few wait at most, the rest are freed. Hold one per analysis or
/// load, for all its pieces; safe to use from several threads at once, and
/// the results may outlive it. Movable, not copyable.
class PiecePool {
 public:
  PiecePool();
  ~PiecePool();
  PiecePool(PiecePool&&) noexcept;
  PiecePool& operator=(PiecePool&&) noexcept;
  PiecePool(const PiecePool&) = delete;
  PiecePool& operator=(const PiecePool&) = delete;

  struct Impl;  ///< (the library's)
  const std::shared_ptr<Impl>& impl() const { return impl_; }

 private:
  std::shared_ptr<Impl> impl_;
};

/// The pieces of about pieceBytes that `path` can be read in, when it is a
/// UTF-8 CMTrace log (as `options` reads it) of at least two; else nullopt.
std::optional<PiecePlan> planPieces(const std::filesystem::path& path, const ReaderOptions& options,
                                    std::uint64_t pieceBytes);

/// Reads and classifies piece `index` of the plan (the last piece reads to the
/// end of the file), calling `onRecord` (when set) for each record in order,
/// with its line counted from the piece's first line (1) and its span from
/// the piece's first byte (0). Messages are classified with `knowledge`'s
/// classifier (the built-in knowledge's when null): give the one the
/// Analyzer's DiagnosisOptions hold. The result reuses and gives back the
/// memory of `pool` when one is given. Safe to call from several threads at once.
PieceResult readPiece(const std::filesystem::path& path, const PiecePlan& plan, std::size_t index,
                      FileIndex file, const RecordCallback& onRecord = {},
                      const Knowledge* knowledge = nullptr, PiecePool* pool = nullptr);

}  // namespace ccmlog
