"""IP_ADDRESS: IPv4/IPv6 shapes (Presidio's patterns) that the ipaddress module accepts."""

import ipaddress

from presidio_analyzer.predefined_recognizers import IpRecognizer as _PresidioIp


class IpAddressRecognizer(_PresidioIp):
    def __init__(self) -> None:
        super().__init__(supported_entity="IP_ADDRESS", name="pdd_ip_address")

    def invalidate_result(self, pattern_text: str) -> bool:
        try:
            ipaddress.ip_address(pattern_text)
        except ValueError:
            return True
        return False
