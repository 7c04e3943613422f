import Testing
@testable import ParleyObserver
