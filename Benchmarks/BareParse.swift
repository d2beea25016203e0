import CYAML

/// libyaml's event parser run over a buffer and nothing else: the floor that `lint` is
/// measured against (it parses the same events, then builds a tree and validates it).
enum BareParse {
  /// The number of events in `bytes`, or nil at a syntax error.
  static func events(in bytes: [UInt8]) -> Int? {
    // libyaml keeps a pointer to the parser in the parser, so it needs a fixed address.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else { return nil }
    defer { yaml_parser_delete(parser) }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress else { return 0 }
      yaml_parser_set_input_string(parser, base, buffer.count)
      var event = yaml_event_t()
      var count = 0
      while true {
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        let type = event.type
        yaml_event_delete(&event)
        count += 1
        if type == YAML_STREAM_END_EVENT { return count }
      }
    }
  }
}
