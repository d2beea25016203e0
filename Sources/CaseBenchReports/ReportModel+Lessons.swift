import CaseBenchModel

extension ReportModel {
  /// The phase's reflection prompts the session answered, with the answers, for the session's
  /// exports; none in own-project mode, which leaves the story out.
  func lessons(of section: PhaseSection) -> [(prompt: ReflectionPrompt, answer: String)] {
    guard showsStory else { return [] }
    return section.phase.reflection.compactMap { prompt in
      let answer = session.reflection(prompt.id).trimming(.whitespacesAndNewlines)
      return answer.isEmpty ? nil : (prompt, answer)
    }
  }
}
