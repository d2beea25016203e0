import CaseBenchTerminal
import Foundation
import Testing

@Suite("ExternalEditor.command")
struct ExternalEditorCommandTests {
  @Test func defaultsToVi() {
    #expect(ExternalEditor.command(environment: [:]) == ["vi"])
    #expect(ExternalEditor.command(environment: ["EDITOR": "", "VISUAL": "  "]) == ["vi"])
  }

  @Test func visualWinsOverEditor() {
    #expect(ExternalEditor.command(environment: ["VISUAL": "nano", "EDITOR": "vim"]) == ["nano"])
    #expect(ExternalEditor.command(environment: ["VISUAL": "", "EDITOR": "vim"]) == ["vim"])
  }

  @Test func splitsOnWhitespace() {
    #expect(
      ExternalEditor.command(environment: ["EDITOR": "code --wait"]) == ["code", "--wait"])
    #expect(
      ExternalEditor.command(environment: ["EDITOR": "  emacs\t-nw  "]) == ["emacs", "-nw"])
  }

  @Test func honoursQuotesAndBackslashes() {
    #expect(
      ExternalEditor.command(environment: ["EDITOR": "'/opt/My Editor/bin/ed' -x"])
        == ["/opt/My Editor/bin/ed", "-x"])
    #expect(
      ExternalEditor.command(environment: ["EDITOR": #""/a b/ed" "say \"hi\"""#])
        == ["/a b/ed", #"say "hi""#])
    #expect(ExternalEditor.command(environment: ["EDITOR": #"/a\ b/ed"#]) == ["/a b/ed"])
    #expect(ExternalEditor.command(environment: ["EDITOR": "ed ''"]) == ["ed", ""])
  }
}

/// Runs real child processes (a shell script as the editor); serialized because each edit
/// changes the process's SIGINT/SIGQUIT dispositions while the editor runs.
@Suite("ExternalEditor.edit", .serialized)
struct ExternalEditorEditTests {
  /// A private directory holding a fake editor script; also used as TMPDIR for the note file.
  private struct Sandbox {
    let directory: URL

    init() throws {
      directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("casebench-editor-test-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func script(_ name: String, _ body: String) throws -> String {
      let url = directory.appendingPathComponent(name)
      try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
      return url.path
    }

    func environment(editor: String) -> [String: String] {
      [
        "EDITOR": editor, "TMPDIR": directory.path,
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      ]
    }

    /// Files left in the sandbox other than the scripts and logs the test made.
    func leftovers(except keep: Set<String>) throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { !keep.contains($0) }
    }

    func read(_ name: String) throws -> String {
      try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    func remove() {
      try? FileManager.default.removeItem(at: directory)
    }
  }

  @Test func roundTripsTextThroughTheEditor() throws {
    let box = try Sandbox()
    defer { box.remove() }
    let log = box.directory.appendingPathComponent("log").path
    let editor = try box.script(
      "ed.sh",
      """
      stat -c %a "$1" > '\(log)'
      printf '%s\\n' "$1" >> '\(log)'
      printf 'Café 日本 ✓\\n' >> "$1"
      """)
    let result = try ExternalEditor.edit(
      text: "first line\n", suffix: ".md", environment: box.environment(editor: editor))
    #expect(result == "first line\nCafé 日本 ✓\n")

    let logLines = try box.read("log").split(separator: "\n")
    #expect(logLines.first == "600")
    #expect(logLines.last?.hasSuffix(".md") == true)
    #expect(try box.leftovers(except: ["ed.sh", "log"]).isEmpty)
  }

  @Test func dropsTheNewlineAnEditorAddsAtTheEnd() throws {
    let box = try Sandbox()
    defer { box.remove() }
    let editor = try box.script("ed.sh", #"printf 'new text\n' > "$1""#)
    let result = try ExternalEditor.edit(
      text: "old text", suffix: ".txt", environment: box.environment(editor: editor))
    #expect(result == "new text")
  }

  @Test func passesTheEditorsOwnArgumentsFirst() throws {
    let box = try Sandbox()
    defer { box.remove() }
    let log = box.directory.appendingPathComponent("args").path
    let editor = try box.script("ed.sh", "printf '%s|' \"$@\" > '\(log)'")
    _ = try ExternalEditor.edit(
      text: "x", suffix: ".md", environment: box.environment(editor: "'\(editor)' --wait -n"))
    let args = try box.read("args").split(separator: "|").map(String.init)
    #expect(args.count == 3)
    #expect(args.prefix(2) == ["--wait", "-n"])
  }

  @Test func failingEditorThrowsAndLeavesNoFile() throws {
    let box = try Sandbox()
    defer { box.remove() }
    let editor = try box.script("ed.sh", #"echo changed > "$1"; exit 3"#)
    #expect(throws: TerminalError("editor exited with status 3; note unchanged")) {
      try ExternalEditor.edit(
        text: "keep me", suffix: ".md", environment: box.environment(editor: editor))
    }
    #expect(try box.leftovers(except: ["ed.sh"]).isEmpty)
  }

  @Test func missingEditorIsAClearError() throws {
    let box = try Sandbox()
    defer { box.remove() }
    do {
      _ = try ExternalEditor.edit(
        text: "x", suffix: ".md",
        environment: box.environment(editor: "casebench-no-such-editor --flag"))
      Issue.record("expected an error")
    } catch {
      #expect(error.message.contains("'casebench-no-such-editor' not found"))
    }
    #expect(try box.leftovers(except: []).isEmpty)
  }
}
