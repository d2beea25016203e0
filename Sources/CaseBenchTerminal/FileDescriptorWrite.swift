#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one write loop of the terminal module: writes every byte of `bytes` to `fd`, retrying
/// short writes and `EINTR`. Returns nil when all was written, else the `errno` that stopped it
/// (`EIO` for a write that made no progress, so the loop can never spin).
func writeAll(fd: Int32, bytes: [UInt8]) -> Int32? {
  bytes.withUnsafeBytes { raw -> Int32? in
    guard var next = raw.baseAddress else { return nil }
    var left = raw.count
    while left > 0 {
      let n = write(fd, next, left)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      next += n
      left -= n
    }
    return nil
  }
}
