package dev.progressive.operator.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What a module's pom says about the files `mvn package` leaves in target/ for an image to copy. */
record ModulePom(Path module, Document pom) {

  static ModulePom of(String module) {
    var dir = ProjectTools.root().resolve(module);
    try {
      return new ModulePom(dir, DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile()));
    } catch (Exception e) {
      throw new AssertionError("cannot read " + dir.resolve("pom.xml"), e);
    }
  }

  /** The application jar, relative to the repository root. */
  String jar() {
    return relative(module.resolve("target").resolve(text("/project/build/finalName") + ".jar"));
  }

  /** Where the dependency plugin copies the runtime libraries, relative to the repository root. */
  String libraries() {
    var directory = text("//plugin[artifactId='maven-dependency-plugin']//outputDirectory")
        .replace("${project.build.directory}", "target");
    return relative(module.resolve(directory)) + "/";
  }

  /** The jar manifest's Class-Path prefix: where the jar expects its libraries, beside itself. */
  String classpathPrefix() {
    return text("//plugin[artifactId='maven-jar-plugin']//manifest/classpathPrefix");
  }

  /** The modules an aggregator pom lists. */
  List<String> modules() {
    var found = new ArrayList<String>();
    NodeList nodes = nodes("/project/modules/module");
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add(nodes.item(i).getTextContent().strip());
    }
    return found;
  }

  /** The folders beside the module that the pom reads (${project.basedir}/../name). */
  List<String> siblingInputs() {
    var found = new ArrayList<String>();
    NodeList nodes = nodes("//*[starts-with(text(), '${project.basedir}/../')]");
    for (int i = 0; i < nodes.getLength(); i++) {
      var rest = nodes.item(i).getTextContent().substring("${project.basedir}/../".length());
      if (!rest.isEmpty()) {
        found.add(rest.split("/")[0]);
      }
    }
    return found;
  }

  private String relative(Path path) {
    return ProjectTools.root().relativize(path.normalize()).toString();
  }

  private String text(String xpath) {
    try {
      return XPathFactory.newInstance().newXPath().evaluate(xpath, pom).strip();
    } catch (Exception e) {
      throw new AssertionError("cannot evaluate " + xpath, e);
    }
  }

  private NodeList nodes(String xpath) {
    try {
      return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODESET);
    } catch (Exception e) {
      throw new AssertionError("cannot evaluate " + xpath, e);
    }
  }
}
