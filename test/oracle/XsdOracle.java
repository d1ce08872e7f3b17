// The XSD's own verdict on OCI-P documents, from the JDK's validator (javax.xml.validation), for the corpus test.
// Usage: java XsdOracle SCHEMA_DIR < list-of-xml-files   -> one line per file: "OK\tpath" or "ERR\tpath\tmessage"
// The command schemas have no target namespace, so a wrapper schema in namespace "C" includes the base schema
// and imports the AS schema without a namespace attribute (the only combination that resolves xsi:type here).
import java.io.*;
import java.nio.file.*;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.*;
import org.xml.sax.SAXParseException;

public class XsdOracle {
  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[0]).toAbsolutePath();
    Path wrapper = Files.createTempFile("ocip-wrapper", ".xsd");
    String w = "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"C\" xmlns=\"C\">\n"
        + "<xs:include schemaLocation=\"" + dir.resolve("OCISchemaBASE.xsd").toUri() + "\"/>\n"
        + "<xs:import schemaLocation=\"" + dir.resolve("OCISchemaAS.xsd").toUri() + "\"/>\n</xs:schema>\n";
    Files.writeString(wrapper, w);
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Schema schema = f.newSchema(wrapper.toFile());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      Validator v = schema.newValidator();
      try {
        v.validate(new StreamSource(new File(line)));
        System.out.println("OK\t" + line);
      } catch (SAXParseException e) {
        System.out.println("ERR\t" + line + "\t" + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage().replace('\t', ' ').replace('\n', ' '));
      }
      System.out.flush();
    }
  }
}
