import CaseBenchModel

// A phase's `reflection`: the lessons-learned prompts, each an id (unique in the case study)
// and the question itself.

extension CaseStudyValidator {
  private static let reflectionKeys = KeySet(CaseStudyFormat.reflectionPrompt)

  /// The phase's reflection prompts: [] when it has none, nil when one is wrong (each problem
  /// is reported where it is).
  mutating func reflectionPrompts(_ phase: Fields) -> [ReflectionPrompt]? {
    guard let entry = phase.value("reflection"), !entry.isNull else { return [] }
    guard let nodes = sequence(phase, "reflection", required: false) else { return nil }
    if nodes.isEmpty {
      warning(
        entry.location, "'reflection' in \(phase.label) is an empty list",
        fix: "add the phase's What? So what? Now what? prompts, or remove the key")
    }
    let phaseLabel = phase.label
    let (prompts, allRead) = readEach(nodes) {
      $0.reflectionPrompt($1, index: $2, phaseLabel: phaseLabel)
    }
    return allRead ? prompts : nil
  }

  private mutating func reflectionPrompt(_ node: YAMLNode, index: Int, phaseLabel: String)
    -> ReflectionPrompt?
  {
    guard
      let fields = fields(
        of: node, kind: "reflection prompt",
        fallbackLabel: "reflection prompt \(index + 1) of \(phaseLabel)",
        allowed: Self.reflectionKeys)
    else { return nil }
    let id = identifier(fields, space: .reflection, noun: "reflection prompt")
    let prompt = text(fields, "prompt")
    guard let id, let prompt else { return nil }
    return ReflectionPrompt(id: id, prompt: prompt)
  }
}
