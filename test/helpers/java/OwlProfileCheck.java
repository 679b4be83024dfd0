// Checks an ontology file against the OWL 2 DL profile with the OWL API (Debian: libowlapi-java).
// Prints every violation, one a line; exit code 0 when the ontology is in OWL 2 DL, 1 otherwise.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class OwlProfileCheck {
  public static void main(String[] args) throws Exception {
    OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
    OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
    OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
    for (OWLProfileViolation v : report.getViolations()) System.out.println(v.toString().replace('\n', ' '));
    System.out.println("axioms: " + ontology.getAxiomCount() + ", OWL 2 DL violations: " + report.getViolations().size());
    System.exit(report.isInProfile() ? 0 : 1);
  }
}
