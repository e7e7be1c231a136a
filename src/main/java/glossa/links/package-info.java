/** Links: typed links between passages of different essays (CiTO relations), and the compare view. */
package glossa.links;
