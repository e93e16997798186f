package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What Prometheus itself reports of an agent's scrape targets (condition Scraped). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScrapeStatus {
  @JsonPropertyDescription("Active targets of the agent whose last scrape succeeded.")
  private Integer targetsUp;

  @JsonPropertyDescription("Active targets Prometheus has for the agent's pods.")
  private Integer targetsTotal;

  @JsonPropertyDescription("targetsUp/targetsTotal, e.g. 2/2, for kubectl get.")
  private String scraped;

  @JsonPropertyDescription("The newest last scrape of the agent's targets (RFC 3339).")
  private String lastScrape;

  public ScrapeStatus() {}

  public ScrapeStatus(int targetsUp, int targetsTotal, String lastScrape) {
    this.targetsUp = targetsUp;
    this.targetsTotal = targetsTotal;
    this.scraped = targetsUp + "/" + targetsTotal;
    this.lastScrape = lastScrape;
  }

  public Integer getTargetsUp() { return targetsUp; }
  public void setTargetsUp(Integer targetsUp) { this.targetsUp = targetsUp; }
  public Integer getTargetsTotal() { return targetsTotal; }
  public void setTargetsTotal(Integer targetsTotal) { this.targetsTotal = targetsTotal; }
  public String getScraped() { return scraped; }
  public void setScraped(String scraped) { this.scraped = scraped; }
  public String getLastScrape() { return lastScrape; }
  public void setLastScrape(String lastScrape) { this.lastScrape = lastScrape; }
}
