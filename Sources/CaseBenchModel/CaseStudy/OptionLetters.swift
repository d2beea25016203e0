/// The one letter a participant sees beside an option: its position in the decision, a) b) c) …,
/// whatever the option's id in the YAML. The dialog, the decision list, the log, the exports, the
/// dashboard and both reports name an option this way, so a team reads its choice under the
/// letter it picked. The id stays the stored key: sessions record ids, and ids survive a
/// reordering of the options.
extension Decision {
  /// The letter for the option at `index`: `a` to `z`, then the position as a number.
  public static func letter(at index: Int) -> String {
    guard index >= 0, index < 26, let scalar = Unicode.Scalar(UInt32(97 + index)) else {
      return "\(index + 1)"
    }
    return String(Character(scalar))
  }

  /// The letter the participant saw for the option with this id; nil when this version of the
  /// case study has no such option.
  public func letter(ofOption optionID: String) -> String? {
    options.firstIndex { $0.id == optionID }.map(Decision.letter(at:))
  }

  /// "c) Offer the bank a short pathfinder…": the letter and the label, as the dialog shows
  /// them; for an option this version does not have, its stored id, marked.
  public func shown(option optionID: String) -> String {
    guard let index = options.firstIndex(where: { $0.id == optionID }) else {
      return "option \(optionID) (not in this version of the case study)"
    }
    return "\(Decision.letter(at: index))) \(options[index].label)"
  }
}

/// What a decision event in a session's log says. The log stores option ids ("chose b",
/// "changed d → b", "rationale revised for b"), which is the format sessions have always had;
/// this is the one place that writes it and reads it back, and that shows it with the letters
/// the team saw.
public enum DecisionEventDetail: Sendable, Equatable {
  case chose(String)
  case changed(from: String, to: String)
  case revised(String)

  /// The text stored in the session's event log.
  public var stored: String {
    switch self {
    case .chose(let id): "chose \(id)"
    case .changed(let from, let to): "changed \(from) → \(to)"
    case .revised(let id): "rationale revised for \(id)"
    }
  }

  /// Reads a stored detail back; nil for text this format did not write.
  public init?(stored text: String) {
    if let id = Self.id(after: "rationale revised for ", in: text) {
      self = .revised(id)
    } else if let rest = Self.id(after: "changed ", in: text, spaces: true) {
      let parts = rest.components(separatedBy: " → ")
      guard parts.count == 2, let from = Self.id(parts[0]), let to = Self.id(parts[1]) else {
        return nil
      }
      self = .changed(from: from, to: to)
    } else if let id = Self.id(after: "chose ", in: text) {
      self = .chose(id)
    } else {
      return nil
    }
  }

  /// The detail with the letters the team saw: "chose c) Offer the bank…",
  /// "changed a) → c) Offer the bank…", "rationale revised for c) Offer the bank…".
  /// An option this version took out is named by its `retired_items` title when `caseStudy`
  /// lists it.
  public func shown(in decision: Decision, caseStudy: CaseStudy? = nil) -> String {
    func letter(_ id: String) -> String { decision.letter(ofOption: id).map { "\($0))" } ?? id }
    func option(_ id: String) -> String {
      if decision.option(id: id) == nil, let retired = caseStudy?.retiredOption(id, of: decision) {
        return "option \(id) (retired: \(retired.title))"
      }
      return decision.shown(option: id)
    }
    switch self {
    case .chose(let id): return "chose \(option(id))"
    case .changed(let from, let to): return "changed \(letter(from)) → \(option(to))"
    case .revised(let id): return "rationale revised for \(option(id))"
    }
  }

  /// A stored detail as the team would read it, or the text unchanged when it is not one.
  public static func shown(_ stored: String, in decision: Decision?, caseStudy: CaseStudy? = nil)
    -> String
  {
    guard let decision, let detail = DecisionEventDetail(stored: stored) else { return stored }
    return detail.shown(in: decision, caseStudy: caseStudy)
  }

  /// The rest of `text` after `prefix`: one id (no spaces), or with `spaces` any non-empty rest.
  private static func id(after prefix: String, in text: String, spaces: Bool = false) -> String? {
    guard text.hasPrefix(prefix) else { return nil }
    let rest = String(text.dropFirst(prefix.count))
    return spaces ? (rest.isEmpty ? nil : rest) : id(rest)
  }

  private static func id(_ text: String) -> String? {
    text.isEmpty || text.contains(" ") ? nil : text
  }
}
