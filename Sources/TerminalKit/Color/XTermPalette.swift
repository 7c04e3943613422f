/// An RGB colour value.
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    /// Makes a colour value.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour packed as 0xRRGGBB.
    public var packed: Int { Int(red) << 16 | Int(green) << 8 | Int(blue) }

    public var description: String { "rgb(\(red),\(green),\(blue))" }

    /// How different two colours look: squared distance weighted by the eye's sensitivity
    /// ("redmean", a cheap approximation of perceptual difference), times 256.
    func distance(to other: RGB) -> Int {
        let meanRed = (Int(red) + Int(other.red)) / 2
        let dr = Int(red) - Int(other.red)
        let dg = Int(green) - Int(other.green)
        let db = Int(blue) - Int(other.blue)
        return (512 + meanRed) * dr * dr + 1024 * dg * dg + (767 - meanRed) * db * db
    }
}

/// The xterm colour palette: 16 system colours, a 6×6×6 colour cube (16–231) and a 24-step grey
/// ramp (232–255), with xterm's default RGB values.
public enum XTermPalette {
    /// The 16 system colours as xterm draws them by default.
    static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The levels of each channel in the colour cube.
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index`.
    public static func rgb(ofIndex index: UInt8) -> RGB {
        switch index {
        case 0..<16:
            return system[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(grey, grey, grey)
        }
    }

    /// The palette entry (16–255, the cube or the grey ramp) that looks closest to `color`. The
    /// 16 system colours are left out, as terminals' themes change them.
    public static func nearestIndex(to color: RGB) -> UInt8 {
        func level(_ value: UInt8) -> Int { value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40 }
        let (r, g, b) = (level(color.red), level(color.green), level(color.blue))
        let cubeIndex = UInt8(16 + 36 * r + 6 * g + b)
        let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let greyIndex = UInt8(232 + greyStep)
        let cubeDistance = rgb(ofIndex: cubeIndex).distance(to: color)
        return rgb(ofIndex: greyIndex).distance(to: color) < cubeDistance ? greyIndex : cubeIndex
    }

    /// The system colour among the first `count` (8 or 16) that looks closest to `color`.
    public static func nearestSystemColor(to color: RGB, among count: Int) -> UInt8 {
        let candidates = system.prefix(max(1, min(count, 16)))
        var best = 0
        for (index, candidate) in candidates.enumerated()
        where candidate.distance(to: color) < candidates[best].distance(to: color) {
            best = index
        }
        return UInt8(best)
    }
}
