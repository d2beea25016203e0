/// Which items are ethics items: the one rule, used by the ethics lens and by lint.
extension Item {
  /// The tag that makes an item an ethics item.
  public static let ethicsTag = "ethics"

  /// Whether `tags` make an item an ethics item: one of them is `ethics`, in any case.
  public static func isEthics(tags: [String]) -> Bool {
    tags.contains { $0.lowercased() == ethicsTag }
  }

  public var isEthicsItem: Bool { Self.isEthics(tags: tags) }
}

/// Where an item sits: its phase's and its own position in the case study.
public struct ItemPlace: Sendable, Equatable {
  public var phase: Int
  public var item: Int

  public init(phase: Int, item: Int) {
    self.phase = phase
    self.item = item
  }
}

extension CaseStudy {
  /// Every ethics item, in phase order.
  public var ethicsItems: [ItemPlace] {
    var out: [ItemPlace] = []
    for (p, phase) in phases.enumerated() {
      for (i, item) in phase.items.enumerated() where item.isEthicsItem {
        out.append(ItemPlace(phase: p, item: i))
      }
    }
    return out
  }

  /// The phases named by an item's `arises_in`, as "3 Title" (an unknown id as written).
  public func arisesInNames(_ item: Item) -> [String] {
    item.arisesIn.map { id in
      guard let p = phases.firstIndex(where: { $0.id == id }) else { return id }
      return "\(p + 1) \(phases[p].title)"
    }
  }
}
