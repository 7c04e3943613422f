import Testing
@testable import TerminalKit

@Suite("Frame diff")
struct FrameDiffTests {
    private func canvas(_ rows: [String], width: Int) -> Canvas {
        var canvas = Canvas(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { canvas.put(row, x: 0, y: y, style: .plain) }
        return canvas
    }

    /// The runs as (row, column, text) with wide characters once.
    private func describe(_ runs: [FrameRun]) -> [String] {
        runs.map { run in
            "\(run.row):\(run.column):" + String(run.cells.filter { !$0.isContinuation }.map(\.character))
        }
    }

    /// Applies runs to a copy of `previous`, as the screen does.
    private func apply(_ runs: [FrameRun], to previous: Canvas) -> Canvas {
        var result = previous
        for run in runs {
            for (offset, cell) in run.cells.enumerated() { result[run.column + offset, run.row] = cell }
        }
        return result
    }

    @Test("without a previous frame, or after a size change, every row is written")
    func fullRepaint() {
        let next = canvas(["ab", "cd"], width: 3)
        #expect(describe(FrameDiff.runs(from: nil, to: next)) == ["0:0:ab ", "1:0:cd "])
        #expect(FrameDiff.runs(from: canvas(["ab"], width: 3), to: next).count == 2)
    }

    @Test("an unchanged frame writes nothing")
    func unchanged() {
        let frame = canvas(["hello 世界", "second"], width: 12)
        #expect(FrameDiff.runs(from: frame, to: frame).isEmpty)
    }

    @Test("only the changed stretches are written")
    func changedStretches() {
        let previous = canvas(["hello world", "unchanged"], width: 12)
        let next = canvas(["hallo worlD", "unchanged"], width: 12)
        #expect(describe(FrameDiff.runs(from: previous, to: next)) == ["0:1:a", "0:10:D"])
    }

    @Test("a style change alone is a change")
    func styleChange() {
        let previous = canvas(["abc"], width: 3)
        var next = previous
        next.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.attributes = .bold }
        #expect(describe(FrameDiff.runs(from: previous, to: next)) == ["0:1:b"])
    }

    @Test("a wide character is written whole when only one half changed")
    func wideWhole() {
        let previous = canvas(["a世b"], width: 4)
        let next = canvas(["a界b"], width: 4)
        let runs = FrameDiff.runs(from: previous, to: next)
        #expect(describe(runs) == ["0:1:界"])
        #expect(runs[0].cells.count == 2)

        // The new frame puts a wide character where a narrow one and a blank were.
        let narrow = canvas(["ab  "], width: 4)
        let wide = canvas(["ab世"], width: 4)
        #expect(describe(FrameDiff.runs(from: narrow, to: wide)) == ["0:2:世"])

        // Only the right half's cell changed (its style): the run still starts at the left half.
        var restyled = wide
        restyled[3, 0].style = Style(attributes: .bold)
        let halfRuns = FrameDiff.runs(from: wide, to: restyled)
        #expect(halfRuns.map(\.column) == [2])
        #expect(halfRuns[0].cells.count == 2)
    }

    @Test("applying the runs to the previous frame gives the next one")
    func applyGivesNext() {
        let previous = canvas(["Parley 世界 debate", "round 1: pm speaks", "", "👍 ok"], width: 20)
        let next = canvas(["Parley 世間 debate!", "round 2: cfo speaks", "new line", "ok 👍"], width: 20)
        #expect(apply(FrameDiff.runs(from: previous, to: next), to: previous) == next)
        #expect(apply(FrameDiff.runs(from: next, to: previous), to: next) == previous)
    }
}
