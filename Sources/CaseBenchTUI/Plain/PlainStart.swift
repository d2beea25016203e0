import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The plain mode's start screen: the saved sessions, numbered, newest first, then the case
/// studies to start a new session from. Opens and creates through the same storage as the
/// start screen (`SessionStorage`), so the file is locked the same way.
public enum PlainStart {
  /// Asks which session to open or start; nil when the input ends or the person quits.
  public static func choose<Storage: SessionStorage>(
    storage: inout Storage, caseStudies: [CaseStudy], io: PlainLines
  ) -> SessionFile? {
    let sessions = storage.list().filter { $0.error == nil }
    while true {
      io.say("")
      if sessions.isEmpty {
        io.say("No saved sessions yet.")
      } else {
        io.say("Saved sessions, newest first:")
        for (i, s) in sessions.enumerated() { io.say("\(i + 1). \(s.title), \(s.detail)") }
      }
      io.say("New session from a case study:")
      for (i, study) in caseStudies.enumerated() { io.say("n\(i + 1). \(study.title)") }
      guard let answer = io.ask("Session number, n and a case study's number, or q:") else {
        return nil
      }
      let lower = answer.lowercased()
      if lower == "q" { return nil }
      if lower.hasPrefix("n"), let n = Int(lower.dropFirst()), caseStudies.indices.contains(n - 1) {
        guard let name = io.ask("Your team's name:") else { return nil }
        guard !name.isEmpty else {
          io.say("A session needs a name.")
          continue
        }
        let study = caseStudies[n - 1]
        let session = Session(participant: name, caseStudy: study, mode: .caseStudy, now: Date())
        do throws(SessionStoreError) {
          let url = try storage.create(session)
          io.say("Created \(url.path).")
          return SessionFile(url: url, caseStudy: study, session: session)
        } catch {
          io.say("Could not create the session: \(error.description)")
          continue
        }
      }
      guard let n = Int(answer), sessions.indices.contains(n - 1) else {
        io.say("Not a choice: \(answer).")
        continue
      }
      do throws(SessionStoreError) {
        return try storage.open(URL(fileURLWithPath: sessions[n - 1].path))
      } catch {
        io.say("Could not open it: \(error.description)")
      }
    }
  }
}
