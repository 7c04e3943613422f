import ArgumentParser

/// The options every live debate's command shares (`parley run`, `parley fork`): where it is
/// recorded, how it starts, how it looks, the diagnostic log, and where its trace goes.
struct LiveOptions: ParsableArguments {
    @Option(name: .customLong("record"), help: ArgumentHelp("Write the event log (JSONL) to this file as the debate happens.", valueName: "path"))
    var recordPath: String?

    @Flag(help: "Start paused in step mode: n steps a turn, r a round.")
    var step = false

    @Option(help: ArgumentHelp("Colour theme: a built-in name (see `parley themes`) or a theme file's path.", valueName: "name|path"))
    var theme: String?

    @Flag(help: "Scripted personas answer at once and there is no delay between turns.")
    var instant = false

    @Option(name: .customLong("log"), help: ArgumentHelp("Write a diagnostic log of model requests to this file.", valueName: "file"))
    var logPath: String?

    @OptionGroup var traces: TraceOptions
}
