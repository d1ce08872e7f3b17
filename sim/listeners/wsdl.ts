/**
 * A minimal WSDL for the provisioning service, written for the simulator from the facts in protocol.md §1.2
 * (namespace, portType, binding, service and port names; two string-in/string-out operations; soapAction "").
 * Location is relative, so clients use the URL they fetched it from.
 */
const op = (name: string) => `
    <wsdl:operation name="${name}">
      <wsdlsoap:operation soapAction=""/>
      <wsdl:input name="${name}Request"><wsdlsoap:body use="literal"/></wsdl:input>
      <wsdl:output name="${name}Response"><wsdlsoap:body use="literal"/></wsdl:output>
    </wsdl:operation>`;

const messages = (name: string) => `
  <wsdl:message name="${name}Request"><wsdl:part name="parameters" element="impl:${name}"/></wsdl:message>
  <wsdl:message name="${name}Response"><wsdl:part name="parameters" element="impl:${name}Response"/></wsdl:message>`;

const elements = (name: string) => `
      <element name="${name}"><complexType><sequence><element name="in0" type="xsd:string"/></sequence></complexType></element>
      <element name="${name}Response"><complexType><sequence><element name="${name}Return" type="xsd:string"/></sequence></complexType></element>`;

export const WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="urn:com:broadsoft:webservice" xmlns:impl="urn:com:broadsoft:webservice"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:wsdlsoap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <!-- BroadWorks simulator: minimal WSDL for ProvisioningService -->
  <wsdl:types>
    <schema elementFormDefault="qualified" targetNamespace="urn:com:broadsoft:webservice" xmlns="http://www.w3.org/2001/XMLSchema">${elements('processOCIMessage')}${elements('processMessage')}
    </schema>
  </wsdl:types>${messages('processOCIMessage')}${messages('processMessage')}
  <wsdl:portType name="BWProvisioningService">
    <wsdl:operation name="processOCIMessage"><wsdl:input message="impl:processOCIMessageRequest"/><wsdl:output message="impl:processOCIMessageResponse"/></wsdl:operation>
    <wsdl:operation name="processMessage"><wsdl:input message="impl:processMessageRequest"/><wsdl:output message="impl:processMessageResponse"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="ProvisioningServiceSoapBinding" type="impl:BWProvisioningService">
    <wsdlsoap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${op('processOCIMessage')}${op('processMessage')}
  </wsdl:binding>
  <wsdl:service name="BWProvisioningServiceService">
    <wsdl:port binding="impl:ProvisioningServiceSoapBinding" name="ProvisioningService">
      <wsdlsoap:address location="/webservice/services/ProvisioningService"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
